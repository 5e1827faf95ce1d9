import CaperCommands

CaperCommand.main()
