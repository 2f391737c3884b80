namespace Sozialplattform.Fim.Definitions;

/// <summary>What one import produces: the form, its shared blocks and its code lists, ready to be written as a catalog.</summary>
public sealed record ImportedCatalog(FormDocument Form, IReadOnlyList<BlockDocument> Blocks, IReadOnlyList<CodeListDocument> CodeLists);
