"""Publishing: the static site of embeds (``site``) and the rendered pictures it and the app's
embed show first (``pictures``). Only the command line writes here; the server only reads."""
