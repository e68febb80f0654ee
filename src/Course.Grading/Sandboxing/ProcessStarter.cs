using System.Collections.Concurrent;
using System.Diagnostics;

namespace Course.Grading.Sandboxing;

/// <summary>
/// Starts processes from one thread that lives as long as this program, so that a process which must
/// die with its parent (bwrap's <c>--die-with-parent</c>) does not die early.
/// </summary>
/// <remarks>
/// <c>--die-with-parent</c> is PR_SET_PDEATHSIG, and Linux sends that signal when the parent
/// <em>thread</em> ends, not the parent process (prctl(2); bubblewrap issue #692).
/// <see cref="Process.Start()"/> forks on the calling thread; called from a thread-pool thread, which
/// the pool retires after a while idle, the sandboxed grading process was killed (SIGKILL, exit code
/// 137, reported as "out of memory") in the middle of grading for no fault of its own. Starting every
/// such process from this one thread keeps "the parent" alive until the program ends.
/// </remarks>
public static class ProcessStarter
{
    private static readonly BlockingCollection<Action> Work = StartThread();

    /// <summary>Starts <paramref name="process"/> from the long-lived thread and waits until it has started.</summary>
    /// <param name="process">The process, with its <see cref="Process.StartInfo"/> set.</param>
    /// <returns>A task that completes once the process has started, or fails as <see cref="Process.Start()"/> would.</returns>
    public static Task StartAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Work.Add(() =>
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception e)
            {
                // Handed to the caller, as Process.Start would have thrown it there.
                started.SetException(e);
            }
        });
        return started.Task;
    }

    private static BlockingCollection<Action> StartThread()
    {
        var work = new BlockingCollection<Action>();
        var thread = new Thread(() =>
        {
            foreach (var action in work.GetConsumingEnumerable())
            {
                action();
            }
        })
        {
            IsBackground = true,
            Name = "process starter",
        };
        thread.Start();
        return work;
    }
}
