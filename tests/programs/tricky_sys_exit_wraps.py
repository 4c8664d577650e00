# An exit status past 8 bits wraps as the process status does.
raise SystemExit(-1)
