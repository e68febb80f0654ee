using System.Text;

namespace Course.Grading.Running;

/// <summary>
/// Keeps the first and last lines of a stream of output and counts what lies between, so a
/// submission printing hundreds of millions of lines costs the grader a few kilobytes.
/// </summary>
/// <param name="headLines">Lines kept from the start.</param>
/// <param name="tailLines">Lines kept from the end.</param>
public sealed class CappedLog(int headLines = 40, int tailLines = 40)
{
    private readonly List<string> _head = [];
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();
    private long _dropped;

    /// <summary>How many lines were cut from the middle.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Adds a line.</summary>
    /// <param name="line">The line (null is ignored: the end of a stream).</param>
    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        // Very long lines are cut too: one line can be gigabytes.
        if (line.Length > 2000)
        {
            line = string.Concat(line.AsSpan(0, 2000), $" … ({line.Length - 2000} more characters cut)");
        }

        lock (_gate)
        {
            if (_head.Count < headLines)
            {
                _head.Add(line);
                return;
            }

            _tail.Enqueue(line);
            if (_tail.Count > tailLines)
            {
                _tail.Dequeue();
                _dropped++;
            }
        }
    }

    /// <summary>The kept lines, with a line saying how many were cut where they were cut.</summary>
    public override string ToString()
    {
        lock (_gate)
        {
            var sb = new StringBuilder();
            foreach (string line in _head)
            {
                sb.AppendLine(line);
            }

            if (_dropped > 0)
            {
                sb.AppendLine($"… {_dropped} lines cut …");
            }

            foreach (string line in _tail)
            {
                sb.AppendLine(line);
            }

            return sb.ToString();
        }
    }

    /// <summary>The last kept lines, joined: the usual place to find why a process died.</summary>
    /// <param name="count">How many lines.</param>
    /// <returns>The lines.</returns>
    public string Last(int count)
    {
        lock (_gate)
        {
            return string.Join("\n", _head.Concat(_tail).TakeLast(count));
        }
    }
}
