import ArgumentParser
import AuthdeskCore

/// `--type mobile|alternateMobile|office`; the parser lists the valid values on a bad one.
extension PhoneType: ExpressibleByArgument {}
