namespace Course.Boundary.Tests;

/// <summary>
/// Runs what might never return on a thread of its own, so that a channel that fails to wake a waiting call fails
/// its test instead of hanging the run.
/// </summary>
internal static class Within
{
    /// <summary>The time a test gives a wait that should end at once.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    /// <summary>Runs a function and returns its result, failing when it takes longer than the limit.</summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="function">The function.</param>
    /// <returns>Its result.</returns>
    public static T Run<T>(Func<T> function)
    {
        Task<T> task = Start(function);
        Assert.True(((IAsyncResult)task).AsyncWaitHandle.WaitOne(Limit), $"Did not end within {Limit.TotalSeconds} s.");
        // What the function threw, as it threw it (not wrapped), so that a test can expect it.
        return task.GetAwaiter().GetResult();
    }

    /// <summary>The result of a started task, failing when it takes longer than the limit.</summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="task">The task.</param>
    /// <returns>Its result.</returns>
    public static T Result<T>(Task<T> task)
    {
        Wait(task);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Waits for started tasks to end, failing when they take longer than the limit.</summary>
    /// <param name="tasks">The tasks.</param>
    public static void Wait(params Task[] tasks)
    {
        Assert.True(((IAsyncResult)Task.WhenAll(tasks)).AsyncWaitHandle.WaitOne(Limit), $"Did not end within {Limit.TotalSeconds} s.");
        foreach (Task task in tasks)
        {
            task.GetAwaiter().GetResult();
        }
    }

    /// <summary>Runs a function that should throw, and returns what it threw.</summary>
    /// <typeparam name="TException">The exception expected.</typeparam>
    /// <param name="action">What throws.</param>
    /// <returns>The exception.</returns>
    public static TException Throws<TException>(Action action)
        where TException : Exception =>
        Ended<TException>(Start(() =>
        {
            action();
            return 0;
        }));

    /// <summary>What a started function threw, failing when it did not end within the limit or threw something else.</summary>
    /// <typeparam name="TException">The exception expected.</typeparam>
    /// <param name="task">The started function.</param>
    /// <returns>The exception.</returns>
    public static TException Ended<TException>(Task task)
        where TException : Exception
    {
        Assert.True(((IAsyncResult)task).AsyncWaitHandle.WaitOne(Limit), $"Did not end within {Limit.TotalSeconds} s.");
        Assert.True(task.IsFaulted, $"Expected {typeof(TException).Name}, but nothing was thrown.");
        return Assert.IsType<TException>(task.Exception!.InnerException);
    }

    /// <summary>Starts a function on a thread of its own (not the pool's, which a blocked test could starve).</summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="function">The function.</param>
    /// <returns>Its task.</returns>
    public static Task<T> Start<T>(Func<T> function) =>
        Task.Factory.StartNew(function, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
