using System.Globalization;

namespace Course.Autograder.Boundary;

/// <summary>
/// What the kernel counts for a process and everything it started: CPU time (nanoseconds its threads ran, from
/// <c>/proc/PID/task/TID/schedstat</c>) and bytes read (<c>rchar</c> of <c>/proc/PID/io</c>). The grading runner cannot
/// forge these, and other processes on a busy machine do not inflate them: they are what time and laziness budgets
/// compare. Where /proc is missing (not Linux) both read 0, and time checks fall back to their message's caveat.
/// </summary>
/// <param name="rootPid">The process started for the submission (bwrap, prlimit or the runner itself).</param>
public sealed class ProcessTreeMeter(int rootPid)
{
    // The threads set aside, each with the clock ticks it had used when last seen: a thread that ends keeps its time in
    // its process's total, and its last count is what is taken off again.
    private readonly Dictionary<string, long> _ignoredTicks = new(StringComparer.Ordinal);

    /// <summary>The CPU time the tree's live threads have used, less the threads <see cref="IgnoreBusyThreads"/> set aside.</summary>
    /// <returns>The time.</returns>
    public TimeSpan Cpu()
    {
        long nanoseconds = 0;
        var times = TaskTimes();
        lock (_ignoredTicks)
        {
            foreach (var (task, ran) in times)
            {
                if (!_ignoredTicks.ContainsKey(task))
                {
                    nanoseconds += ran;
                }
            }
        }

        return TimeSpan.FromTicks(nanoseconds / 100);
    }

    /// <summary>
    /// Sets aside, from <see cref="Cpu"/> and <see cref="ProcessCpu"/>, the threads that are working while the tree should be idle: a notebook cell
    /// that never ended (an infinite loop is abandoned, not stopped, since .NET cannot stop a thread) spins on through
    /// every check, and its time would be billed to whichever check is being timed, by however much of a core the
    /// machine's load leaves it. Call it between the notebooks and the checks, while nothing is asked of the runner.
    /// </summary>
    /// <param name="look">How long to watch.</param>
    /// <returns>The threads set aside (<c>/proc/PID/task/TID</c>).</returns>
    public IReadOnlyCollection<string> IgnoreBusyThreads(TimeSpan look)
    {
        var before = TaskTimes();
        Thread.Sleep(look);
        // Busy: ran over a twentieth of the look. An idle thread runs a few microseconds; a spinning one, even with a
        // tenth of a core on a loaded machine, runs far more.
        long busy = (long)(look.TotalMilliseconds * 1e6 / 20);
        lock (_ignoredTicks)
        {
            foreach (var (task, ran) in TaskTimes())
            {
                if (before.TryGetValue(task, out long was) && ran - was > busy && !_ignoredTicks.ContainsKey(task))
                {
                    // Its time so far is taken off the process's total from now on, and what it adds later with it.
                    _ignoredTicks[task] = StatTicks(Path.Combine(task, "stat")) ?? 0;
                }
            }

            return [.. _ignoredTicks.Keys];
        }
    }

    private Dictionary<string, long> TaskTimes()
    {
        var times = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (int pid in Tree())
        {
            foreach (string task in Tasks(pid))
            {
                if (ReadFirstField(Path.Combine(task, "schedstat")) is long ran)
                {
                    times[task] = ran;
                }
            }
        }

        return times;
    }

    /// <summary>
    /// The CPU time the tree's processes have used, their ended threads included (user and system time of
    /// <c>/proc/PID/stat</c>, in the kernel's 10 ms clock ticks), less that of the threads <see cref="IgnoreBusyThreads"/>
    /// set aside: what a check's time limit counts, where a thread that ends must not take its time with it, and a cell
    /// abandoned in an infinite loop must not spend the check's time.
    /// </summary>
    /// <returns>The time.</returns>
    public TimeSpan ProcessCpu()
    {
        long ticks = 0;
        foreach (int pid in Tree())
        {
            ticks += StatTicks($"/proc/{pid}/stat") ?? 0;
        }

        lock (_ignoredTicks)
        {
            foreach (string task in _ignoredTicks.Keys.ToArray())
            {
                if (StatTicks(Path.Combine(task, "stat")) is long used)
                {
                    _ignoredTicks[task] = used;
                }

                ticks -= _ignoredTicks[task];
            }
        }

        return TimeSpan.FromMilliseconds(Math.Max(0, ticks) * 1000.0 / UserHertz);
    }

    // User and system clock ticks of a process's or thread's stat file; null when it is gone. The command name, in
    // parentheses, may hold spaces: fields are counted after its closing parenthesis.
    private static long? StatTicks(string path)
    {
        string stat = ReadText(path);
        string[] fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 12
            && long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out long user)
            && long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out long system)
            ? user + system
            : null;
    }

    /// <summary>The bytes the tree's processes have read through read system calls.</summary>
    /// <returns>The count.</returns>
    public long BytesRead() => Tree().Sum(pid => Course.Specs.Core.ProcIo.BytesRead($"/proc/{pid}/io"));

    /// <summary>The root and its descendants, found through each task's <c>children</c> list.</summary>
    /// <returns>Their process ids.</returns>
    public IReadOnlyList<int> Tree()
    {
        var seen = new List<int>();
        var next = new Stack<int>([rootPid]);
        while (next.Count > 0 && seen.Count < 4096)
        {
            int pid = next.Pop();
            if (seen.Contains(pid) || !Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            seen.Add(pid);
            foreach (string task in Tasks(pid))
            {
                foreach (string child in ReadText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (int.TryParse(child, NumberStyles.None, CultureInfo.InvariantCulture, out int id))
                    {
                        next.Push(id);
                    }
                }
            }
        }

        return seen;
    }

    // The unit of /proc's times: USER_HZ, 100 on every Linux architecture the kit runs on.
    private const double UserHertz = 100;

    private static IEnumerable<string> Tasks(int pid)
    {
        try
        {
            return Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static long? ReadFirstField(string path) =>
        long.TryParse(ReadText(path).Split(' ', 2)[0], NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : null;

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty; // the task ended between listing and reading
        }
    }
}
