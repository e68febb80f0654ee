using System.Text;
using Course.Notebooks.Model;

namespace Course.Notebooks.Execution;

/// <summary>
/// Collects the outputs of one running cell. It travels with the cell's code through an
/// <see cref="AsyncLocal{T}"/>, so console writes and <c>display(x)</c> calls land in the cell that made
/// them even when several sessions run at once (tests, an autograder, a kernel) or the cell starts tasks.
/// </summary>
internal sealed class CellExecutionContext
{
    /// <summary>Beyond this many characters of console text a cell's output is cut, so a runaway print loop cannot exhaust memory.</summary>
    internal const int MaxStreamCharacters = 1_000_000;

    private static readonly AsyncLocal<CellExecutionContext?> CurrentContext = new();

    private readonly object _gate = new();
    private readonly List<Output> _outputs = [];
    private readonly Dictionary<string, int> _displayIndexes = new(StringComparer.Ordinal);
    private readonly Action<Output>? _observer;
    private readonly StringBuilder _pendingText = new();
    private string? _pendingStream;
    private int _streamCharacters;
    private bool _truncated;
    private bool _completed;
    private int _nextDisplayId;

    public CellExecutionContext(int executionCount, Action<Output>? observer, CancellationToken cancellationToken)
    {
        ExecutionCount = executionCount;
        _observer = observer;
        CancellationToken = cancellationToken;
    }

    /// <summary>The context of the cell whose code is running on this logical thread, if any.</summary>
    public static CellExecutionContext? Current
    {
        get => CurrentContext.Value;
        set => CurrentContext.Value = value;
    }

    public int ExecutionCount { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Appends console text; consecutive writes to one stream become one output, as in Jupyter.</summary>
    /// <returns>False when the cell has finished, so the caller can send the text elsewhere.</returns>
    public bool WriteStream(string name, string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            if (_truncated)
            {
                return true;
            }

            if (_streamCharacters + text.Length > MaxStreamCharacters)
            {
                text = text[..Math.Max(0, MaxStreamCharacters - _streamCharacters)]
                    + $"\n[output truncated: a cell may write at most {MaxStreamCharacters:N0} characters]\n";
                _truncated = true;
            }

            _streamCharacters += text.Length;
            if (_pendingStream != name)
            {
                FlushPendingStream();
                _pendingStream = name;
            }

            _pendingText.Append(text);
            _observer?.Invoke(Output.Stream(name, text));
            return true;
        }
    }

    /// <summary>Adds a display and returns its id, for <see cref="DisplayHandle.Update(object?)"/>.</summary>
    public string Display(MimeBundle data)
    {
        lock (_gate)
        {
            string id = $"display-{ExecutionCount}-{++_nextDisplayId}";
            if (_completed)
            {
                return id;
            }

            FlushPendingStream();
            _displayIndexes[id] = _outputs.Count;
            Output output = Output.DisplayData(data);
            _outputs.Add(output);
            _observer?.Invoke(output);
            return id;
        }
    }

    /// <summary>Replaces an earlier display of this cell (a notebook file stores only the final value).</summary>
    public void UpdateDisplay(string displayId, MimeBundle data)
    {
        lock (_gate)
        {
            if (_completed || !_displayIndexes.TryGetValue(displayId, out int index))
            {
                return;
            }

            _outputs[index] = Output.DisplayData(data);
            _observer?.Invoke(Output.UpdateDisplayData(displayId, data));
        }
    }

    /// <summary>Adds an output produced by the engine itself (result, error, timing).</summary>
    public void Add(Output output)
    {
        lock (_gate)
        {
            FlushPendingStream();
            _outputs.Add(output);
            _observer?.Invoke(output);
        }
    }

    /// <summary>Ends collection: later writes from code the cell left running are not recorded.</summary>
    public IReadOnlyList<Output> Complete()
    {
        lock (_gate)
        {
            FlushPendingStream();
            _completed = true;
            return _outputs.ToArray();
        }
    }

    private void FlushPendingStream()
    {
        if (_pendingStream is not null && _pendingText.Length > 0)
        {
            _outputs.Add(Output.Stream(_pendingStream, _pendingText.ToString()));
        }

        _pendingText.Clear();
        _pendingStream = null;
    }
}
