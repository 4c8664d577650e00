# Importing a module that does not exist is a ModuleNotFoundError, caught
# like any other (optional-import fallbacks).
try:
    import nonexistent_mod_xyz
except ImportError as e:
    print(type(e).__name__, e)
try:
    from missing_pkg_abc.sub import thing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print("done")
