namespace Course.Boundary;

/// <summary>
/// The objects one side lets the other refer to, by number: datasets, loaders, enumerators, transforms, sources,
/// and the tensors that crossed. Released together (after each check), so nothing outlives the check that made it.
/// </summary>
public sealed class HandleTable
{
    // One lock rather than concurrent dictionaries: every tensor that crosses is registered, and an uncontended lock
    // is the cheapest way to keep the two maps in step.
    private readonly Lock _gate = new();
    private readonly Dictionary<long, object> _objects = [];
    private readonly Dictionary<object, long> _ids = new(ReferenceEqualityComparer.Instance);
    private long _next;

    /// <summary>The id of an object, registering it the first time.</summary>
    /// <param name="value">The object.</param>
    /// <returns>Its id.</returns>
    public long Register(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (!_ids.TryGetValue(value, out long id))
            {
                id = ++_next;
                _ids[value] = id;
                _objects[id] = value;
            }

            return id;
        }
    }

    /// <summary>The object with an id, of the type the operation needs.</summary>
    /// <typeparam name="T">The type expected.</typeparam>
    /// <param name="id">The id.</param>
    /// <returns>The object.</returns>
    /// <exception cref="BoundaryProtocolException">No object has that id (it was released, or never was), or it is of another type.</exception>
    public T Get<T>(long id)
        where T : class
    {
        object? value;
        lock (_gate)
        {
            _objects.TryGetValue(id, out value);
        }

        return value is null
            ? throw new BoundaryProtocolException($"There is no object with handle {id} (released after its check, or never given).")
            : value as T ?? throw new BoundaryProtocolException($"Handle {id} is a {value.GetType().Name}, not a {typeof(T).Name}.");
    }

    /// <summary>Forgets every object.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _objects.Clear();
            _ids.Clear();
        }
    }
}
