using Course.Runner;

return await RunnerProgram.RunAsync(args, Console.Error).ConfigureAwait(false);
