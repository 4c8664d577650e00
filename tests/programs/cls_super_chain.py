# super() in __init__ and methods, through a chain of three classes.
class Animal:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"{self.name} is an animal"


class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def describe(self):
        return super().describe() + f", a {self.breed} dog"


class Puppy(Dog):
    def describe(self):
        base = super().describe()
        return base + " (a puppy)"


p = Puppy("Rex", "beagle")
print(p.describe())
print(p.name, p.breed)
print(isinstance(p, Animal), issubclass(Puppy, Animal), issubclass(Animal, Dog))
