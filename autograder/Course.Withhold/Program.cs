using Course.Withhold.Cli;

return WithholdCommand.Run(args, Console.Out, Console.Error);
