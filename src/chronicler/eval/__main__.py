"""``python -m chronicler.eval``: the ``chronicler eval`` command on its own."""

import sys

from .cli import main

sys.exit(main())
