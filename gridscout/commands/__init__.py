"""CLI subcommands, one module each, found automatically.

Each module defines ``NAME`` (the subcommand), ``HELP`` (one line), ``add_arguments(parser)`` and
``run(args) -> int``. Keep heavy imports inside ``run`` so ``gridscout --help`` stays fast.
"""
