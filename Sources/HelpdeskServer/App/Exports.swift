// The use cases are part of the server's public face: the command line and tests build on them.
@_exported import HelpdeskUseCases
