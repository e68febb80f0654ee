using Course.Cli;

// The composition root: everything, including the list of verbs, lives in CourseCommand so tests can run
// the exact same command line in-process.
int exitCode = await CourseCommand.InvokeAsync(args, Console.Out, Console.Error).ConfigureAwait(false);

// Exit explicitly: returning from Main waits for foreground threads, and a notebook's cell may have
// left one spinning (a student's thread in `course grade-submission`, a demo in `course run`).
Console.Out.Flush();
Console.Error.Flush();
Environment.Exit(exitCode);
