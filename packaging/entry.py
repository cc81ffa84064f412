"""The packaged app's entry point: the same main() as the installed `numbjournal` command."""

import sys

from numbjournal.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
