"""`python -m strongback` runs the CLI."""

import sys

from strongback.cli import main

sys.exit(main())
