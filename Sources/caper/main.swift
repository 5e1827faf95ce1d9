import CaperCommands
CaperCommand.main()
