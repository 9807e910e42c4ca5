print("authdesk")
