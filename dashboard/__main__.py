"""``python -m dashboard`` runs the same CLI as ``negotiation-timeline``."""

from dashboard.cli import main

raise SystemExit(main())
