namespace Sozialplattform.Designer.Rules;

public enum ScopeNameKind { Field, Group, RepeatingGroup, Row, RowIndex, Value }

/// <summary>
/// A name a rule can use where it is written: a field or group (<see cref="Level"/> 0 = a sibling, 1 = a sibling of the
/// enclosing group, …), or one of <c>row</c>, <c>rowIndex</c>, <c>value</c>. <see cref="Type"/> is the field type.
/// </summary>
public sealed record ScopeName(string Name, ScopeNameKind Kind, string Type, string Label, int Level);
