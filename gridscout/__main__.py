import sys

from gridscout.cli import main

sys.exit(main())
