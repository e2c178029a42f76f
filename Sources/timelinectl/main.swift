print("timelinectl")
