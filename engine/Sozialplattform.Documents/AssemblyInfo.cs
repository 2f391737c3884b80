namespace Sozialplattform.Documents;
