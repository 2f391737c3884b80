namespace Sozialplattform.Catalog.Tests;
