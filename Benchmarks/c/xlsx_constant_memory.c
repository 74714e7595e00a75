/*
 * The floor for any libxlsxwriter user: writes the cells of a cell stream into a workbook in constant_memory mode,
 * with nothing else (no styles beyond a date format, no comments, no validations).
 *
 *   xlsx_constant_memory CELLS OUT.xlsx
 *
 * CELLS is the cell stream Benchmarks/peers/xlsx_cells.py reads out of RegionKit's own workbook: every cell of
 * every sheet, sheet by sheet and row by row. Little-endian records:
 *   'S' u32 length, name         a new sheet
 *   'n' u32 row, u16 column, f64   a number
 *   'd' u32 row, u16 column, f64   a date, as an Excel serial number
 *   's' u32 row, u16 column, u32 length, UTF-8 bytes   a text
 * after the 8-byte header "RKCELLS1".
 *
 * Built by the benchmark (Benchmarks/run.py):
 *   cc -O2 -o xlsx_constant_memory xlsx_constant_memory.c $(pkg-config --cflags --libs xlsxwriter)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static FILE *cells;
static const char *cells_path;

static void truncated(void) {
    fprintf(stderr, "%s: the cell stream ends in the middle of a record\n", cells_path);
    exit(1);
}

static void read_exactly(void *buffer, size_t size) {
    if (size && fread(buffer, 1, size, cells) != size) truncated();
}

static uint32_t read_u32(void) {
    unsigned char b[4];
    read_exactly(b, 4);
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static uint16_t read_u16(void) {
    unsigned char b[2];
    read_exactly(b, 2);
    return (uint16_t)(b[0] | b[1] << 8);
}

static double read_f64(void) {
    unsigned char b[8];
    read_exactly(b, 8);
    uint64_t bits = 0;
    for (int i = 7; i >= 0; i--) bits = bits << 8 | b[i];
    double value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

/* A growable buffer for one NUL-terminated text at a time. */
static char *text;
static size_t text_capacity;

static const char *read_text(void) {
    uint32_t length = read_u32();
    if ((size_t)length + 1 > text_capacity) {
        text_capacity = (size_t)length + 1 > text_capacity * 2 ? (size_t)length + 1 : text_capacity * 2;
        text = realloc(text, text_capacity);
        if (!text) {
            fprintf(stderr, "out of memory\n");
            exit(1);
        }
    }
    read_exactly(text, length);
    text[length] = 0;
    return text;
}

static void check(lxw_error error, const char *what) {
    if (error != LXW_NO_ERROR) {
        fprintf(stderr, "%s: %s\n", what, lxw_strerror(error));
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s CELLS OUT.xlsx\n", argv[0]);
        return 64;
    }
    cells_path = argv[1];
    cells = fopen(cells_path, "rb");
    if (!cells) {
        perror(cells_path);
        return 2;
    }
    setvbuf(cells, NULL, _IOFBF, 1 << 20);
    char header[8];
    if (fread(header, 1, 8, cells) != 8 || memcmp(header, "RKCELLS1", 8) != 0) {
        fprintf(stderr, "%s: not a cell stream\n", cells_path);
        return 2;
    }

    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    if (!workbook) {
        fprintf(stderr, "%s: cannot create the workbook\n", argv[2]);
        return 2;
    }
    lxw_format *date = workbook_add_format(workbook);
    format_set_num_format(date, "yyyy-mm-dd");

    lxw_worksheet *sheet = NULL;
    unsigned long long written = 0;
    int kind;
    while ((kind = getc(cells)) != EOF) {
        if (kind == 'S') {
            sheet = workbook_add_worksheet(workbook, read_text());
            if (!sheet) {
                fprintf(stderr, "%s: cannot add the sheet '%s'\n", argv[2], text);
                return 1;
            }
            continue;
        }
        uint32_t row = read_u32();
        uint16_t column = read_u16();
        if (!sheet) {
            fprintf(stderr, "%s: a cell before the first sheet\n", cells_path);
            return 1;
        }
        switch (kind) {
        case 'n':
            check(worksheet_write_number(sheet, row, column, read_f64(), NULL), "write_number");
            break;
        case 'd':
            check(worksheet_write_number(sheet, row, column, read_f64(), date), "write_number");
            break;
        case 's':
            check(worksheet_write_string(sheet, row, column, read_text(), NULL), "write_string");
            break;
        default:
            fprintf(stderr, "%s: unknown record '%c'\n", cells_path, kind);
            return 1;
        }
        written++;
    }
    fclose(cells);
    check(workbook_close(workbook), argv[2]);
    free(text);
    printf("%llu cells\n", written);
    return 0;
}
