"""Everything that talks Flask: extra routes, request guards, security headers, compression."""
