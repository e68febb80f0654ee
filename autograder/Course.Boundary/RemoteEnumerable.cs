using System.Collections;
using System.Text.Json.Nodes;
using TinyTorch;

namespace Course.Boundary;

/// <summary>
/// A sequence on the other side of the boundary (a loader's batches, a source's items, a prefetcher's output):
/// each enumeration begins there, each step is a call, and disposing the enumerator closes it there.
/// </summary>
/// <typeparam name="T"><see cref="int"/> or a list of tensors.</typeparam>
internal sealed class RemoteEnumerable<T>(ObjectHost host, long id) : IEnumerable<T>
{
    /// <summary>The other side's handle.</summary>
    public long Id => id;

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        long enumerator = Json.Long(Json.Object(host.Call("enumerable.begin", new JsonObject { ["ref"] = id }).Body, "enumerator"), "ref");
        return new Steps(host, enumerator);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Steps(ObjectHost host, long enumerator) : IEnumerator<T>
    {
        private bool _closed;

        public T Current { get; private set; } = default!;

        object? IEnumerator.Current => Current;

        public bool MoveNext()
        {
            BoundaryReply reply = host.Call("enumerator.next", new JsonObject { ["ref"] = enumerator });
            if (Json.Bool(reply.Body, "done"))
            {
                return false;
            }

            object item = typeof(T) == typeof(int)
                ? Json.Int(reply.Body, "int")
                : host.ReadTensors(reply.Body["tensors"], reply.Payload);
            Current = (T)item;
            return true;
        }

        public void Reset() => throw new NotSupportedException("An enumeration across the grading boundary cannot be reset; begin a new one.");

        public void Dispose()
        {
            if (!_closed)
            {
                _closed = true;
                try
                {
                    host.Call("enumerator.close", new JsonObject { ["ref"] = enumerator });
                }
                catch (BoundaryProtocolException)
                {
                    // The other side is gone: nothing is left to close.
                }
            }
        }
    }
}
