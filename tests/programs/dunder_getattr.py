# __getattr__ runs only when normal lookup fails.
class Config:
    def __init__(self):
        self.name = "demo"

    def __getattr__(self, attr):
        if attr[:4] == "opt_":
            return attr[4:] * 2
        raise AttributeError(f"no setting {attr}")


c = Config()
print(c.name, c.opt_speed)
try:
    c.missing
except AttributeError as e:
    print("AttributeError:", e)
