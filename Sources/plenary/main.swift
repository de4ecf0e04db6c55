print("plenary")
