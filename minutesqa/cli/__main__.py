"""`python -m minutesqa.cli`: the same as `minutes`."""

import sys

from minutesqa.cli import main

if __name__ == "__main__":
    sys.exit(main())
