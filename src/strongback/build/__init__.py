"""One build, from loaded content to the published site: settings, HTML post-processing, assets,
atomic publishing, the serve preview's messages and the offline copy."""
