"""`python -m strongback.cli`: the same as the `strongback` command."""

import sys

from strongback.cli import main

sys.exit(main())
