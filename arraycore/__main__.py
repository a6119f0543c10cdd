print("arraycore")
