"""Every route path of the app, written once: the views, the extra routes, the headers' framing
rule, the embed code and the links between pages all read them here."""

EXPLORE = "/"
EMBED = "/embed"
PRESENT = "/present"
OEMBED = "/oembed"
EVENTS_CSV = "/download/events.csv"
HEALTH = "/healthz"
EMBED_SCRIPT = "/assets/embed.js"  # the host page's script that sizes every embed's iframe
