"""python app.py [--host H] [--port P] [--index DIR]  (the same as `minutes serve`)."""

import sys

from minutesqa.cli import main

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
