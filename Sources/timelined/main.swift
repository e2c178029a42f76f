print("timelined")
