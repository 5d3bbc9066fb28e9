package cn.minsheng.ballot.ballot;

/** SECRET: nobody can tell who voted how. NAMED (记名, roll call): who voted how is published. */
public enum Secrecy {
    SECRET, NAMED
}
