"""Present (``/present``): the slide page and the printable handout."""
