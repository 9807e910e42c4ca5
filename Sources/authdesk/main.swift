print("authdesk: the command line is being wired")
