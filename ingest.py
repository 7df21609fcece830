"""python ingest.py DIR [--index DIR] [--list] [--prune]  (the same as `minutes ingest`)."""

import sys

from minutesqa.cli import main

if __name__ == "__main__":
    sys.exit(main(["ingest", *sys.argv[1:]]))
