using System.Text;
using System.Text.Json.Nodes;
using Course.Notebooks.Model;

namespace Course.Notebooks.Execution;

/// <summary>
/// Collects the outputs of one running cell. It travels with the cell's code through an
/// <see cref="AsyncLocal{T}"/>, so console writes and <c>display(x)</c> calls land in the cell that made
/// them even when several sessions run at once (tests, an autograder, a kernel) or the cell starts tasks.
/// </summary>
internal sealed class CellExecutionContext
{
    /// <summary>
    /// A cell keeps this many characters from the start of its console text; beyond them the output is
    /// cut, so a runaway print loop cannot exhaust memory.
    /// </summary>
    internal const int MaxStreamCharacters = 1_000_000;

    /// <summary>What a cut output keeps from its end (the last lines usually say how a loop ended).</summary>
    internal const int TailCharacters = 16_000;

    /// <summary>The words that open the line saying an output was cut.</summary>
    internal const string CutMarker = "[output cut:";

    private static readonly AsyncLocal<CellExecutionContext?> CurrentContext = new();

    private readonly object _gate = new();
    private readonly List<Output> _outputs = [];
    private readonly Dictionary<string, int> _displayIndexes = new(StringComparer.Ordinal);
    private readonly Action<Output>? _observer;
    private readonly StringBuilder _pendingText = new();
    private string? _pendingStream;
    private int _streamCharacters;
    private bool _truncated;
    private readonly StringBuilder _tail = new();
    private string _tailStream = Output.StandardOutput;
    private long _cutCharacters;
    private long _cutLines;
    private bool _completed;

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
                KeepTail(text);
                return true;
            }

            if (_streamCharacters + text.Length > MaxStreamCharacters)
            {
                int room = Math.Max(0, MaxStreamCharacters - _streamCharacters);
                _truncated = true;
                _tailStream = name;
                KeepTail(text[room..]);
                text = text[..room];
                if (text.Length == 0)
                {
                    return true;
                }
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

    /// <summary>
    /// Shows a displayed value, or replaces the earlier display of the same id (a notebook file stores only the
    /// final value). An update whose id this cell never showed changes nothing, as in the real kernel.
    /// </summary>
    public void Display(string displayId, MimeBundle data, bool isUpdate)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            if (isUpdate)
            {
                if (_displayIndexes.TryGetValue(displayId, out int index))
                {
                    _outputs[index] = Output.DisplayData(data);
                    _observer?.Invoke(Output.UpdateDisplayData(displayId, data));
                }

                return;
            }

            FlushPendingStream();
            _displayIndexes[displayId] = _outputs.Count;
            Output output = Output.DisplayData(data);
            _outputs.Add(output);
            _observer?.Invoke(WithDisplayId(output, displayId));
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

    /// <summary>Whether the cell wrote more console text than it keeps, so the middle of it was cut.</summary>
    public bool OutputCut
    {
        get
        {
            lock (_gate)
            {
                return _truncated;
            }
        }
    }

    /// <summary>Ends collection: later writes from code the cell left running are not recorded.</summary>
    public IReadOnlyList<Output> Complete()
    {
        lock (_gate)
        {
            FlushPendingStream();
            if (_truncated && !_completed)
            {
                // The first and the last of the output, and a line between them saying what was cut.
                long cutLines = _cutLines - _tail.ToString().Count(c => c == '\n');
                string cut = $"\n{CutMarker} {Math.Max(0, cutLines):N0} lines ({_cutCharacters:N0} characters) left out; "
                    + $"a cell keeps the first {MaxStreamCharacters:N0} and the last {TailCharacters:N0} characters of its output]\n";
                var tail = Output.Stream(_tailStream, cut + _tail);
                _outputs.Add(tail);
                _observer?.Invoke(tail);
            }

            _completed = true;
            return _outputs.ToArray();
        }
    }

    private void KeepTail(string text)
    {
        _cutLines += text.AsSpan().Count('\n');
        _tail.Append(text);
        if (_tail.Length > 2 * TailCharacters)
        {
            // Trimmed in chunks rather than per write, so a flood of tiny writes costs amortised O(1) each.
            int drop = _tail.Length - TailCharacters;
            _cutCharacters += drop;
            _tail.Remove(0, drop);
        }
    }

    /// <summary>
    /// The display as an observer sees it: with Jupyter's <c>transient.display_id</c>, so a live front end can
    /// apply a later <c>update_display_data</c> to it. The notebook file's copy has no such key (nbformat has none).
    /// </summary>
    private static Output WithDisplayId(Output display, string displayId)
    {
        JsonObject json = display.ToJson();
        json["transient"] = new JsonObject { ["display_id"] = displayId };
        return Output.FromJson(json);
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
