# A binary operation split over lines fails; the operator line is marked.
numbers = [1, 2, 3]
label = "sum"
value = (numbers[0] *
         numbers[1] +
         numbers[2] -
         label)
