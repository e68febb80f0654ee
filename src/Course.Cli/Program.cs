using Course.Cli;

// The composition root: everything, including the list of verbs, lives in CourseCommand so tests can run
// the exact same command line in-process.
return await CourseCommand.InvokeAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
