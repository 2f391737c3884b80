namespace Sozialplattform.Engine.Fields;

/// <summary>The field types a definition may use, by name. Built-ins are registered the same way as extensions.</summary>
public sealed class FieldTypeRegistry
{
    private readonly Dictionary<string, IFieldType> _types = new(StringComparer.Ordinal);

    public IReadOnlyCollection<IFieldType> All => _types.Values;

    public FieldTypeRegistry Add(IFieldType type)
    {
        if (!_types.TryAdd(type.Name, type)) throw new InvalidOperationException($"field type '{type.Name}' is registered twice");
        return this;
    }

    public IFieldType? Find(string name) => _types.GetValueOrDefault(name);

    public FieldTypeRegistry WithBuiltInTypes() => this
        .Add(new TextFieldType())
        .Add(new TextAreaFieldType())
        .Add(new IntegerFieldType())
        .Add(new DecimalFieldType())
        .Add(new MoneyFieldType())
        .Add(new DateFieldType())
        .Add(new YesNoFieldType())
        .Add(new ChoiceFieldType())
        .Add(new MultiChoiceFieldType())
        .Add(new EmailFieldType())
        .Add(new PhoneFieldType())
        .Add(new PostalCodeFieldType())
        .Add(new IbanFieldType())
        .Add(new BicFieldType())
        .Add(new FileFieldType())
        .Add(new AddressFieldType())
        .Add(new InfoFieldType());
}
