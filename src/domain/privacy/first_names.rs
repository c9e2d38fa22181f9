//! Common first names in Flanders. Matched exactly (names are capitalised in
//! running text) with a binary search, so the list must stay sorted by byte
//! order; a unit test checks that.

/// Common first names in Flanders, incl. names of Moroccan, Turkish,
/// Eastern-European, African and Middle-Eastern background. Sorted.
#[rustfmt::skip]
pub(super) const FIRST_NAMES: &[&str] = &[
    "Aaron", "Abdel", "Abdelaziz", "Abdelkader", "Abdellah", "Abdi", "Abdoulaye", "Abdullah",
    "Achiel", "Adam", "Agnieszka", "Ahmad", "Ahmed", "Ahmet", "Aicha", "Alain", "Albert",
    "Alexandru", "Alfons", "Ali", "Alice", "Amadou", "Amal", "Amber", "Amina", "Aminata", "Amine",
    "Amir", "Amélie", "An", "Anas", "Andrei", "Andriy", "Andrzej", "André", "Anja", "Ann", "Anna",
    "Anne", "Anne-Marie", "Anne-Sophie", "Annemie", "Anouar", "Anouk", "Arben", "Arne", "Arthur",
    "Asma", "Axelle", "Ayoub", "Ayse", "Ayşe", "Aziz", "Aïcha", "Bart", "Bas", "Ben", "Benny",
    "Bert", "Besnik", "Bieke", "Bilal", "Bjorn", "Björn", "Blessing", "Bogdan", "Bram", "Brecht",
    "Brigitte", "Burak", "Büşra", "Camille", "Can", "Carine", "Caroline", "Cas", "Cedric", "Cem",
    "Chaima", "Chantal", "Charlotte", "Chaïma", "Chloé", "Christel", "Christian", "Cristian",
    "Daan", "Daniela", "Danny", "Dave", "David", "Davy", "Denise", "Didier", "Dilara", "Dimitar",
    "Dirk", "Dmitri", "Dmitry", "Dominique", "Dorota", "Dries", "Driss", "Dylan", "Eddy", "Eduard",
    "Edward", "Elena", "Elias", "Elien", "Elif", "Eline", "Elise", "Ella", "Ellen", "Ellie", "Els",
    "Emiel", "Emily", "Emine", "Emma", "Emre", "Eric", "Erik", "Esra", "Etienne", "Evelien", "Evi",
    "Ewa", "Farid", "Farida", "Fatiha", "Fatima", "Fatma", "Fatoumata", "Febe", "Felix", "Femke",
    "Fien", "Filip", "Finn", "Fleur", "Florin", "Fons", "Frank", "Frans", "Freddy", "Gabriel",
    "Gaston", "Geert", "Georges", "Georgette", "Georgi", "Gerda", "Gerrit", "Gert", "Gheorghe",
    "Gilbert", "Glenn", "Godelieve", "Grace", "Greet", "Griet", "Grzegorz", "Guido", "Gunther",
    "Gust", "Gustaaf", "Hafsa", "Hakan", "Hamid", "Hamza", "Hanane", "Hannah", "Hanne", "Hans",
    "Hasan", "Hassan", "Hatice", "Heidi", "Helena", "Hendrik", "Herman", "Hicham", "Hilde", "Hira",
    "Hodan", "Houda", "Hugo", "Hussein", "Hélène", "Hüseyin", "Ibrahim", "Ibrahima", "Ikram",
    "Ilham", "Ilias", "Ilona", "Ilse", "Ilyas", "Imane", "Imran", "Ine", "Ines", "Inge", "Ingrid",
    "Inès", "Ioana", "Ionut", "Ionuț", "Irina", "Isabelle", "Ismail", "Ivan", "Ivanka", "Ivo",
    "Jack", "Jacqueline", "Jacques", "Jade", "Jakub", "Jamal", "Jan", "Jan-Willem", "Jana",
    "Jannes", "Jarne", "Jasmien", "Jasper", "Jean", "Jean-Claude", "Jean-Luc", "Jean-Marie",
    "Jean-Pierre", "Jeanine", "Jeannine", "Jef", "Jelle", "Jens", "Jente", "Jeroen", "Joanna",
    "Johan", "Joke", "Jolien", "Jonas", "Joost", "Jordy", "Joren", "Joris", "Jorre", "Jos", "Josée",
    "Jozef", "Jules", "Julie", "Julien", "Juliette", "Juna", "Kaat", "Kamil", "Karel", "Karen",
    "Karim", "Karima", "Karolien", "Kasia", "Kasper", "Katarzyna", "Kathleen", "Katleen", "Kato",
    "Katrien", "Kelly", "Kemal", "Kenneth", "Kerem", "Kevin", "Khadija", "Khaled", "Khalid", "Kian",
    "Kim", "Kobe", "Koen", "Kofi", "Kris", "Kristel", "Krzysztof", "Kurt", "Kübra", "Lander",
    "Lara", "Lars", "Latifa", "Laura", "Leen", "Leila", "Lena", "Lennert", "Leo", "Leon", "Leyla",
    "Liam", "Lien", "Lies", "Liesbet", "Liesbeth", "Lieselot", "Lieve", "Lily", "Lina", "Linda",
    "Lisa", "Lise", "Liv", "Lize", "Lode", "Lodewijk", "Lore", "Lotte", "Loubna", "Louis", "Louise",
    "Lowie", "Luc", "Lucas", "Lukas", "Lukasz", "Luna", "Luuk", "Léa", "Léon", "Maarten",
    "Magdalena", "Mahmoud", "Malgorzata", "Malika", "Mamadou", "Manon", "Marc", "Marcel", "Marek",
    "Margot", "Maria", "Maria-Louise", "Mariam", "Marie", "Marie-Claire", "Marie-Jeanne",
    "Marie-Louise", "Marijke", "Marion", "Mark", "Marleen", "Marthe", "Martine", "Maryam", "Mathis",
    "Mats", "Matteo", "Maurice", "Mauro", "Maxim", "Małgorzata", "Mehdi", "Mehmet", "Meriem",
    "Merve", "Meryem", "Mia", "Michal", "Michał", "Michel", "Michiel", "Mieke", "Miel", "Mihai",
    "Mila", "Milan", "Mimoza", "Mohamad", "Mohamed", "Mohammad", "Mohammed", "Mona", "Monika",
    "Monique", "Mounir", "Moussa", "Muhammad", "Murat", "Mustafa", "Mykola", "Nabil", "Nadia",
    "Naima", "Nancy", "Nand", "Natalia", "Natalja", "Nathalie", "Nathan", "Nawal", "Nazanin",
    "Naïma", "Nele", "Nell", "Nico", "Nicolae", "Nicolas", "Nicole", "Niels", "Nina", "Noa", "Noah",
    "Noor", "Nora", "Norbert", "Nordin", "Nore", "Noémie", "Oksana", "Oleksandr", "Olena", "Olga",
    "Olivia", "Olivier", "Omar", "Omer", "Onur", "Oscar", "Osman", "Otis", "Ousmane", "Pascal",
    "Patricia", "Patrick", "Paul", "Paula", "Pauline", "Pawel", "Paweł", "Petar", "Peter", "Philip",
    "Philippe", "Piet", "Pieter", "Pieter-Jan", "Piotr", "Precious", "Quinten", "Rachid", "Raf",
    "Rahim", "Rania", "Raphaël", "Rayan", "Raymond", "Redouane", "Remi", "Rens", "René", "Reza",
    "Rik", "Rita", "Robbe", "Robert", "Robin", "Roger", "Roland", "Romy", "Ronny", "Roos", "Roosje",
    "Rosa", "Ruben", "Rudi", "Rudy", "Rémy", "Saartje", "Sabine", "Sabrina", "Safae", "Said",
    "Salma", "Samir", "Samira", "Samuel", "Sanae", "Sander", "Sandra", "Sara", "Sarah", "Saïd",
    "Selam", "Selin", "Sem", "Senait", "Senne", "Seppe", "Sergei", "Sergey", "Serkan", "Sevgi",
    "Sien", "Siham", "Silke", "Simon", "Simonne", "Sofia", "Sofiane", "Sofie", "Sonja", "Sophie",
    "Soufiane", "Soumaya", "Staf", "Stan", "Stefaan", "Stefan", "Stefanie", "Stephanie", "Steven",
    "Stien", "Stijn", "Suzanne", "Sven", "Svetlana", "Tamara", "Tania", "Tanja", "Tarik", "Tariq",
    "Tatiana", "Tesfaye", "Tessa", "Thierry", "Thijs", "Thomas", "Tibo", "Tijs", "Tim", "Tine",
    "Tinne", "Tom", "Tomasz", "Toon", "Tristan", "Tuur", "Valerie", "Valon", "Vanessa", "Vasile",
    "Veerle", "Vera", "Veronique", "Vic", "Victor", "Victoria", "Vincent", "Volkan", "Véronique",
    "Walid", "Walter", "Wannes", "Ward", "Warre", "Wendy", "Wenke", "Widad", "Willy", "Wim",
    "Wojciech", "Wolf", "Wout", "Wouter", "Xavier", "Yana", "Yannick", "Yasmina", "Yasmine",
    "Yassin", "Yassine", "Yente", "Yonas", "Younes", "Yousef", "Yousra", "Youssef", "Yusuf", "Yves",
    "Yvonne", "Zahra", "Zakaria", "Zaynab", "Zeynep", "Zineb", "Zita", "Zoe", "Zoë", "Ömer",
    "Özlem", "Łukasz",
];

#[cfg(test)]
mod tests {
    use super::FIRST_NAMES;

    #[test]
    fn first_names_are_sorted_and_unique() {
        assert!(FIRST_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(FIRST_NAMES.len() >= 300);
    }
}
