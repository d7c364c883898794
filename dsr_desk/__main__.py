import sys

from dsr_desk.cli import main

sys.exit(main())
