using Course.Samples;

return SamplesCommand.Run(args, Console.Out, Console.Error);
