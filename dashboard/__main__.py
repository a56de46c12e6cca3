"""``python -m dashboard`` runs the same CLI as ``negotiation-timeline``."""

from .cli import main

raise SystemExit(main())
